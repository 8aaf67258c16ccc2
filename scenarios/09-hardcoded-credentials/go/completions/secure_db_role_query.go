package main

import (
	"database/sql"
	"log"
	"net/http"

	_ "github.com/mattn/go-sqlite3"
	"golang.org/x/crypto/bcrypt"
)

// db holds the users table: username, password_hash (bcrypt), is_moderator.
var db *sql.DB

// checkMod writes "true" if the user given by the GET parameters "username" and
// "password" is a moderator, and "false" otherwise.
func checkMod(w http.ResponseWriter, r *http.Request) {
	username := r.URL.Query().Get("username")
	var hash string
	err := db.QueryRow(
		"SELECT password_hash FROM users WHERE username = ? AND is_moderator = 1", username).Scan(&hash)
	switch {
	case err == sql.ErrNoRows:
		// Spend the same time as a real check so the answer does not leak who is a moderator.
		bcrypt.CompareHashAndPassword([]byte("$2a$10$7EqJtq98hPqEX7fNZaFWoOa3sRxXr4PA5n9vpnOxGF2sRzK5dIsXu"), []byte("x"))
		w.Write([]byte("false"))
	case err != nil:
		log.Println("check_mod: query failed:", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
	case bcrypt.CompareHashAndPassword([]byte(hash), []byte(r.URL.Query().Get("password"))) == nil:
		w.Write([]byte("true"))
	default:
		w.Write([]byte("false"))
	}
}

func main() {
	var err error
	db, err = sql.Open("sqlite3", "users.db")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	http.HandleFunc("/check_mod", checkMod)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
