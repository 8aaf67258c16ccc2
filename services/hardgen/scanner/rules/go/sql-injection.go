package main

import (
	"database/sql"
	"fmt"
	"net/http"
	"strconv"
)

var db *sql.DB

func sprintfExec(w http.ResponseWriter, r *http.Request) {
	email := r.URL.Query().Get("email")
	// ruleid: go-sql-injection
	db.Exec(fmt.Sprintf("DELETE FROM subscribers WHERE email = '%s'", email))
}

func concatQueryRow(w http.ResponseWriter, r *http.Request) {
	var n int
	// ruleid: go-sql-injection
	db.QueryRow("SELECT COUNT(*) FROM subscribers WHERE email = '" + r.FormValue("email") + "'").Scan(&n)
}

func queryVar(w http.ResponseWriter, r *http.Request) {
	q := "SELECT id FROM users WHERE name = '" + r.Header.Get("X-User") + "'"
	// ruleid: go-sql-injection
	rows, _ := db.QueryContext(r.Context(), q)
	defer rows.Close()
}

func placeholders(w http.ResponseWriter, r *http.Request) {
	email := r.URL.Query().Get("email")
	// ok: go-sql-injection
	db.Exec("DELETE FROM subscribers WHERE email = ?", email)
}

func prepared(w http.ResponseWriter, r *http.Request) {
	stmt, err := db.Prepare("DELETE FROM subscribers WHERE email = $1")
	if err != nil {
		return
	}
	defer stmt.Close()
	// ok: go-sql-injection
	stmt.Exec(r.URL.Query().Get("email"))
}

func numeric(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.Atoi(r.FormValue("id"))
	// ok: go-sql-injection
	db.Exec(fmt.Sprintf("DELETE FROM t WHERE id = %d", id))
}
