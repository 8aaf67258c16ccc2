package main

import (
	"crypto/rand"
	"crypto/sha256"
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
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	username := r.PostFormValue("username")
	password := r.PostFormValue("password")
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	// Salted SHA-256 so equal passwords get different hashes.
	digest := sha256.Sum256(append(salt, []byte(password)...))
	stored := hex.EncodeToString(salt) + "$" + hex.EncodeToString(digest[:])
	if _, err := db.Exec("INSERT INTO users (username, password) VALUES (?, ?)", username, stored); err != nil {
		http.Error(w, "username already taken", http.StatusConflict)
		return
	}
	fmt.Fprintln(w, "account created")
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
