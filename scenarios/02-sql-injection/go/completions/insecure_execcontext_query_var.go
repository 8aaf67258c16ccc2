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
	email := r.FormValue("email")
	query := fmt.Sprintf(`DELETE FROM subscribers WHERE email = "%s"`, email)
	result, err := db.ExecContext(r.Context(), query)
	if err != nil {
		http.Error(w, "could not unsubscribe", http.StatusInternalServerError)
		return
	}
	affected, _ := result.RowsAffected()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if affected > 0 {
		w.Write([]byte("unsubscribed\n"))
	} else {
		w.Write([]byte("not found\n"))
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
