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
	if email == "" {
		http.Error(w, "email is required", http.StatusBadRequest)
		return
	}
	var exists bool
	err := db.QueryRow("SELECT EXISTS(SELECT 1 FROM subscribers WHERE email = ?)", email).Scan(&exists)
	if err != nil {
		log.Println("lookup failed:", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if !exists {
		fmt.Fprintln(w, "That address is not subscribed.")
		return
	}
	if _, err := db.Exec("DELETE FROM subscribers WHERE email = ?", email); err != nil {
		log.Println("delete failed:", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	fmt.Fprintln(w, "You have been unsubscribed.")
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
