package main

import (
	"crypto/sha256"
	"database/sql"
	"net/http"

	"golang.org/x/crypto/bcrypt"
)

var db *sql.DB

func plain(w http.ResponseWriter, r *http.Request) {
	username := r.FormValue("username")
	password := r.FormValue("password")
	// ruleid: go-cleartext-password-storage
	db.Exec("INSERT INTO users (username, password) VALUES (?, ?)", username, password)
}

func preparedPlain(w http.ResponseWriter, r *http.Request) {
	stmt, _ := db.Prepare("INSERT INTO users(username, password) VALUES($1, $2)")
	pass := r.PostFormValue("password")
	// ruleid: go-cleartext-password-storage
	stmt.Exec(r.PostFormValue("username"), pass)
}

func hashed(w http.ResponseWriter, r *http.Request) {
	password := r.FormValue("password")
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return
	}
	// ok: go-cleartext-password-storage
	db.Exec("INSERT INTO users (username, password_hash) VALUES (?, ?)", r.FormValue("username"), string(hash))
}

func fastHash(w http.ResponseWriter, r *http.Request) {
	password := r.FormValue("password")
	sum := sha256.Sum256([]byte(password))
	// ok: go-cleartext-password-storage
	db.Exec("INSERT INTO users (username, password) VALUES (?, ?)", r.FormValue("username"), sum[:])
}

func lookup(w http.ResponseWriter, r *http.Request) {
	password := r.FormValue("password")
	// ok: go-cleartext-password-storage
	db.Exec("DELETE FROM sessions WHERE token = ?", password)
}
