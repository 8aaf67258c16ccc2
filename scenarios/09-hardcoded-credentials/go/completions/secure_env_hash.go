package main

import (
	"crypto/subtle"
	"database/sql"
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
	// The moderator account is configured by the deployment, never in the code.
	modUser := os.Getenv("MOD_USERNAME")
	modHash := os.Getenv("MOD_PASSWORD_BCRYPT")
	if modUser == "" || modHash == "" {
		log.Println("check_mod: moderator account not configured")
		w.Write([]byte("false"))
		return
	}
	q := r.URL.Query()
	sameUser := subtle.ConstantTimeCompare([]byte(q.Get("username")), []byte(modUser)) == 1
	if sameUser && bcrypt.CompareHashAndPassword([]byte(modHash), []byte(q.Get("password"))) == nil {
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
