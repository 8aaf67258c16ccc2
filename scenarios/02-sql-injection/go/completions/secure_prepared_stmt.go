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
	stmt, err := db.Prepare("DELETE FROM subscribers WHERE email = ?")
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	defer stmt.Close()
	res, err := stmt.Exec(r.URL.Query().Get("email"))
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if n, err := res.RowsAffected(); err == nil && n > 0 {
		fmt.Fprint(w, "Unsubscribed.")
	} else {
		fmt.Fprint(w, "Address not found.")
	}
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
