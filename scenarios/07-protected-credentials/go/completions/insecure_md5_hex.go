package main

import (
	"crypto/md5"
	"database/sql"
	"encoding/hex"
	"fmt"
	"log"
	"net/http"

	_ "github.com/mattn/go-sqlite3"
)

var db *sql.DB

// register creates a new user from the POST form fields "username" and "password" and
// stores the credentials in the users table (columns username, password).
func register(w http.ResponseWriter, r *http.Request) {
	username := r.FormValue("username")
	password := r.FormValue("password")
	if username == "" || password == "" {
		http.Error(w, "username and password are required", http.StatusBadRequest)
		return
	}
	hash := md5.Sum([]byte(password))
	_, err := db.Exec("INSERT INTO users (username, password) VALUES (?, ?)", username, hex.EncodeToString(hash[:]))
	if err != nil {
		http.Error(w, "could not create user", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
	fmt.Fprintln(w, "registration successful")
}

func main() {
	var err error
	db, err = sql.Open("sqlite3", "users.db")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	http.HandleFunc("/register", register)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
