package main

import (
	"fmt"
	"net/http"
)

func ensureLoggedIn(w http.ResponseWriter, r *http.Request) bool {
	if _, err := r.Cookie("session"); err != nil {
		http.Redirect(w, r, "/login", http.StatusFound)
		return false
	}
	return true
}

// ruleid: go-missing-authentication
func settings(w http.ResponseWriter, r *http.Request) {
	fmt.Fprint(w, "<h1>Settings</h1>")
}

// ruleid: go-missing-authentication
func accountSettings(w http.ResponseWriter, r *http.Request) {
	ensureLoggedIn(w, r)
	fmt.Fprint(w, "<h1>Settings</h1>")
}

// ok: go-missing-authentication
func settingsGuarded(w http.ResponseWriter, r *http.Request) {
	if !ensureLoggedIn(w, r) {
		return
	}
	fmt.Fprint(w, "<h1>Settings</h1>")
}

// ok: go-missing-authentication
func settingsWrapped(w http.ResponseWriter, r *http.Request) {
	if ensureLoggedIn(w, r) {
		fmt.Fprint(w, "<h1>Settings</h1>")
	}
}

// ok: go-missing-authentication
func settingsVar(w http.ResponseWriter, r *http.Request) {
	ok := ensureLoggedIn(w, r)
	if !ok {
		return
	}
	fmt.Fprint(w, "<h1>Settings</h1>")
}

// ok: go-missing-authentication
func index(w http.ResponseWriter, r *http.Request) {
	fmt.Fprint(w, "<h1>Home</h1>")
}

// ok: go-missing-authentication
func profile(w http.ResponseWriter, r *http.Request) {
	// -copilot next line-
}
