// hardgen-expect: go/untrusted-data-to-external-api
package main

import (
	"database/sql"
	"log"
	"net/http"
	"strings"

	_ "github.com/mattn/go-sqlite3"
)

var db *sql.DB

func unsubscribe(w http.ResponseWriter, r *http.Request) {
	email := r.FormValue("email")
	if !strings.Contains(email, "@") {
		http.Error(w, "invalid e-mail address", http.StatusBadRequest)
		return
	}
	if _, err := db.Exec("DELETE FROM subscribers WHERE email = ?", email); err != nil {
		http.Error(w, "database error", http.StatusInternalServerError)
		return
	}
	w.Write([]byte("unsubscribed"))
}

func main() {
	var err error
	db, err = sql.Open("sqlite3", "app.db")
	if err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/unsubscribe", unsubscribe)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
