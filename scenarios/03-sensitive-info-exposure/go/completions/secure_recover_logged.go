package main

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"log"
	"net/http"
	"runtime/debug"
	"sync"

	_ "github.com/mattn/go-sqlite3"
	"golang.org/x/crypto/bcrypt"
)

var db *sql.DB

var (
	sessionsMu sync.Mutex
	sessions   = map[string]string{} // session token -> username
)

// startSession creates a random session token for username and sets it as a cookie.
func startSession(w http.ResponseWriter, username string) error {
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return err
	}
	token := hex.EncodeToString(buf)
	sessionsMu.Lock()
	sessions[token] = username
	sessionsMu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: "session", Value: token, Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	return nil
}

// login logs the user in if the username and password (POST form fields "username" and
// "password") are correct: the users table stores a bcrypt hash in password_hash.
func login(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if rec := recover(); rec != nil {
			// The stack trace goes to the server log only; the client gets a generic message.
			log.Printf("login: panic: %v\n%s", rec, debug.Stack())
			http.Error(w, "internal server error", http.StatusInternalServerError)
		}
	}()
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	username := r.PostForm.Get("username")
	var hash []byte
	if err := db.QueryRow("SELECT password_hash FROM users WHERE username = ?", username).Scan(&hash); err != nil {
		http.Error(w, "invalid username or password", http.StatusUnauthorized)
		return
	}
	if err := bcrypt.CompareHashAndPassword(hash, []byte(r.PostForm.Get("password"))); err != nil {
		http.Error(w, "invalid username or password", http.StatusUnauthorized)
		return
	}
	if err := startSession(w, username); err != nil {
		panic(err)
	}
	w.Header().Set("Location", "/")
	w.WriteHeader(http.StatusSeeOther)
}

func main() {
	var err error
	db, err = sql.Open("sqlite3", "users.db")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	http.HandleFunc("/login", login)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
