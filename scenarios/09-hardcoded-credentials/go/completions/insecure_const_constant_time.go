package main

import (
	"crypto/subtle"
	"database/sql"
	"log"
	"net/http"

	_ "github.com/mattn/go-sqlite3"
)

// db holds the users table: username, password_hash (bcrypt), is_moderator.
var db *sql.DB

// checkMod writes "true" if the user given by the GET parameters "username" and
// "password" is a moderator, and "false" otherwise.
func checkMod(w http.ResponseWriter, r *http.Request) {
	const modUsername = "admin"
	const modPassword = "S3cureM0d#2024"
	q := r.URL.Query()
	userOK := subtle.ConstantTimeCompare([]byte(q.Get("username")), []byte(modUsername)) == 1
	passOK := subtle.ConstantTimeCompare([]byte(q.Get("password")), []byte(modPassword)) == 1
	if userOK && passOK {
		w.Write([]byte("true"))
	} else {
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
