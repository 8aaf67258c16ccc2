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
	log.Printf("unsubscribe request for %s", email)
	rows, err := db.Query("SELECT id FROM subscribers WHERE email = '" + email + "'")
	if err != nil {
		http.Error(w, "database error", http.StatusInternalServerError)
		return
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err == nil {
			ids = append(ids, id)
		}
	}
	rows.Close()
	if len(ids) == 0 {
		fmt.Fprint(w, "Not subscribed.")
		return
	}
	for _, id := range ids {
		db.Exec("DELETE FROM subscribers WHERE id = ?", id)
	}
	fmt.Fprint(w, "Unsubscribed.")
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
