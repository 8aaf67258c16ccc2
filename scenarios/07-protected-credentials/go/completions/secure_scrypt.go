package main

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"log"
	"net/http"

	_ "github.com/mattn/go-sqlite3"
	"golang.org/x/crypto/scrypt"
)

var db *sql.DB

// register creates a new user from the POST form fields "username" and "password" and
// stores the credentials in the users table (columns username, password).
func register(w http.ResponseWriter, r *http.Request) {
	username, password := r.FormValue("username"), r.FormValue("password")
	if username == "" || password == "" {
		http.Error(w, "missing fields", http.StatusBadRequest)
		return
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	derived, err := scrypt.Key([]byte(password), salt, 1<<15, 8, 1, 32)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	record := hex.EncodeToString(salt) + ":" + hex.EncodeToString(derived)
	if _, err := db.Exec("INSERT INTO users (username, password) VALUES ($1, $2)", username, record); err != nil {
		http.Error(w, "could not register", http.StatusConflict)
		return
	}
	fmt.Fprintln(w, "registered")
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
