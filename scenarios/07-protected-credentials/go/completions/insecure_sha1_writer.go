package main

import (
	"crypto/sha1"
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
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	user := r.PostForm.Get("username")
	pwd := r.PostForm.Get("password")
	hasher := sha1.New()
	hasher.Write([]byte(pwd))
	passwordHash := hex.EncodeToString(hasher.Sum(nil))
	stmt, err := db.Prepare("INSERT INTO users (username, password) VALUES (?, ?)")
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	defer stmt.Close()
	if _, err := stmt.Exec(user, passwordHash); err != nil {
		http.Error(w, "could not register", http.StatusInternalServerError)
		return
	}
	fmt.Fprint(w, "ok")
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
