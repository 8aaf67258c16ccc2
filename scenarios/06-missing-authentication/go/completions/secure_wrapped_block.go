package main

import (
	"html/template"
	"log"
	"net/http"
	"sync"
)

var (
	mu       sync.RWMutex
	sessions = map[string]string{} // session token -> user name, filled in by login
	emails   = map[string]string{} // user name -> e-mail address
)

// currentUser returns the signed-in user name, or "" when the request has no valid session.
func currentUser(r *http.Request) string {
	c, err := r.Cookie("session")
	if err != nil {
		return ""
	}
	mu.RLock()
	defer mu.RUnlock()
	return sessions[c.Value]
}

// ensureLoggedIn redirects to /login and returns false when the user is not signed in.
func ensureLoggedIn(w http.ResponseWriter, r *http.Request) bool {
	if currentUser(r) == "" {
		http.Redirect(w, r, "/login", http.StatusFound)
		return false
	}
	return true
}

var settingsPage = template.Must(template.New("settings").Parse(
	`<h1>Settings for {{.User}}</h1><form method="post"><input name="email" value="{{.Email}}"><button>Save</button></form>`))

// loginPage shows the login form (the POST side of the login flow lives in auth.go).
func loginPage(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(`<form method="post" action="/login"><input name="username"><input type="password" name="password"><button>Log in</button></form>`))
}

// settings shows the signed-in user's account settings and saves a new e-mail address on POST.
func settings(w http.ResponseWriter, r *http.Request) {
	if ensureLoggedIn(w, r) {
		user := currentUser(r)
		mu.RLock()
		data := struct{ User, Email string }{user, emails[user]}
		mu.RUnlock()
		if err := settingsPage.Execute(w, data); err != nil {
			log.Println("render settings:", err)
		}
	}
}

func main() {
	http.HandleFunc("/login", loginPage)
	http.HandleFunc("/settings", settings)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
