package main

import (
	"database/sql"
	"fmt"
	"log"
	"net/http"

	_ "github.com/mattn/go-sqlite3"
)

var db *sql.DB

// unsubscribe removes the e-mail address given in the GET parameter "email" from the
// subscribers table if it is there, and tells the user what happened.
func unsubscribe(w http.ResponseWriter, r *http.Request) {
	email := r.URL.Query().Get("email")
	var count int
	err := db.QueryRow("SELECT COUNT(*) FROM subscribers WHERE email = '" + email + "'").Scan(&count)
	if err != nil {
		http.Error(w, "database error", http.StatusInternalServerError)
		return
	}
	if count == 0 {
		fmt.Fprintf(w, "%s is not subscribed.", email)
		return
	}
	db.Exec("DELETE FROM subscribers WHERE email = '" + email + "'")
	fmt.Fprintf(w, "%s has been unsubscribed.", email)
}

func main() {
	var err error
	db, err = sql.Open("sqlite3", "subscribers.db")
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	http.HandleFunc("/unsubscribe", unsubscribe)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
