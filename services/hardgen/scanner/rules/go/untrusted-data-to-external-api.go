package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

var db *sql.DB

func unsubscribe(w http.ResponseWriter, r *http.Request) {
	email := r.FormValue("email")
	// ruleid: go-untrusted-data-to-external-api
	if !strings.Contains(email, "@") {
		http.Error(w, "invalid address", http.StatusBadRequest)
		return
	}
	// ok: go-untrusted-data-to-external-api
	res, err := db.Exec("DELETE FROM subscribers WHERE email = ?", email)
	if err != nil {
		http.Error(w, "database error", http.StatusInternalServerError)
		return
	}
	n, _ := res.RowsAffected()
	// ok: go-untrusted-data-to-external-api
	fmt.Fprintf(w, "removed %d rows for %s", n, email)
}

func image(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	// ok: go-untrusted-data-to-external-api
	data, err := os.ReadFile(filepath.Join("images", name))
	if err != nil {
		// ok: go-untrusted-data-to-external-api
		log.Printf("read %s: %v", name, err)
		http.NotFound(w, r)
		return
	}
	w.Write(data)
}

func download(w http.ResponseWriter, r *http.Request) {
	file := r.FormValue("file")
	// ruleid: go-untrusted-data-to-external-api
	http.ServeFile(w, r, file)
}

func byID(w http.ResponseWriter, r *http.Request) {
	// ok: go-untrusted-data-to-external-api
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil {
		return
	}
	var title string
	// ok: go-untrusted-data-to-external-api
	db.QueryRow("SELECT title FROM posts WHERE id = ?", id).Scan(&title)
	// ok: go-untrusted-data-to-external-api
	json.NewEncoder(w).Encode(map[string]string{"title": title})
}

func redirect(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-untrusted-data-to-external-api
	http.Redirect(w, r, r.FormValue("next"), http.StatusFound)
}

func ping(w http.ResponseWriter, r *http.Request) {
	host := r.PostFormValue("host")
	// ok: go-untrusted-data-to-external-api
	out, _ := exec.Command("ping", "-c", "1", host).Output()
	w.Write(out)
	// ruleid: go-untrusted-data-to-external-api
	exec.Command(host).Run()
}

func header(w http.ResponseWriter, r *http.Request) {
	// ok: go-untrusted-data-to-external-api
	w.Header().Set("X-Agent", r.UserAgent())
}

func store(note string) {
	_ = note
}

func local(w http.ResponseWriter, r *http.Request) {
	// ok: go-untrusted-data-to-external-api
	store(r.FormValue("note"))
	// ok: go-untrusted-data-to-external-api
	http.Error(w, "constant message", http.StatusBadRequest)
}
