// hardgen-expect: none
// hardgen-near-miss: go/untrusted-data-to-external-api
package main

import (
	"database/sql"
	"fmt"
	"log"
	"net/http"

	_ "github.com/mattn/go-sqlite3"
)

var db *sql.DB

// Query arguments are variadic: the value reaches Exec inside an implicit slice, not as an argument.
func rename(w http.ResponseWriter, r *http.Request) {
	name := r.PostFormValue("name")
	id := r.PostFormValue("id")
	if _, err := db.Exec("UPDATE users SET name = ? WHERE id = ?", name, id); err != nil {
		http.Error(w, "database error", http.StatusInternalServerError)
		return
	}
	fmt.Fprintln(w, "saved")
}

func main() {
	var err error
	db, err = sql.Open("sqlite3", "app.db")
	if err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/rename", rename)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
