package main

import (
	"database/sql"
	"fmt"
	"log"
	"net/http"
	"net/mail"

	_ "github.com/mattn/go-sqlite3"
)

var db *sql.DB

// unsubscribe removes the e-mail address given in the GET parameter "email" from the
// subscribers table if it is there, and tells the user what happened.
func unsubscribe(w http.ResponseWriter, r *http.Request) {
	addr, err := mail.ParseAddress(r.URL.Query().Get("email"))
	if err != nil {
		http.Error(w, "invalid email address", http.StatusBadRequest)
		return
	}
	res, err := db.ExecContext(r.Context(), "DELETE FROM subscribers WHERE email = $1", addr.Address)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if n, _ := res.RowsAffected(); n == 0 {
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprintln(w, "Address not found.")
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
