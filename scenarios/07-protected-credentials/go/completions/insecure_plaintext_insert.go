package main

import (
	"database/sql"
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
	var exists int
	db.QueryRow("SELECT COUNT(*) FROM users WHERE username = ?", username).Scan(&exists)
	if exists > 0 {
		http.Error(w, "user already exists", http.StatusConflict)
		return
	}
	if _, err := db.Exec("INSERT INTO users (username, password) VALUES (?, ?)", username, password); err != nil {
		http.Error(w, "registration failed", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/login", http.StatusSeeOther)
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
