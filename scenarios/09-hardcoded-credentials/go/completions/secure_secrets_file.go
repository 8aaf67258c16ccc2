package main

import (
	"database/sql"
	"encoding/json"
	"log"
	"net/http"
	"os"

	_ "github.com/mattn/go-sqlite3"
	"golang.org/x/crypto/bcrypt"
)

// db holds the users table: username, password_hash (bcrypt), is_moderator.
var db *sql.DB

// checkMod writes "true" if the user given by the GET parameters "username" and
// "password" is a moderator, and "false" otherwise.
func checkMod(w http.ResponseWriter, r *http.Request) {
	// moderators.json (mounted secret): {"alice": "<bcrypt hash>", ...}
	raw, err := os.ReadFile(os.Getenv("MODERATORS_FILE"))
	if err != nil {
		log.Println("check_mod: cannot read moderators file:", err)
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	}
	var hashes map[string]string
	if err := json.Unmarshal(raw, &hashes); err != nil {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		return
	}
	q := r.URL.Query()
	stored, known := hashes[q.Get("username")]
	if known && bcrypt.CompareHashAndPassword([]byte(stored), []byte(q.Get("password"))) == nil {
		w.Write([]byte("true"))
		return
	}
	w.Write([]byte("false"))
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
