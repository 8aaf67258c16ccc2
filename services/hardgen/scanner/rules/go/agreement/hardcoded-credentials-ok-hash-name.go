// hardgen-expect: none
// hardgen-near-miss: go/hardcoded-credentials
package main

import (
	"log"
	"net/http"

	"golang.org/x/crypto/bcrypt"
)

// A bcrypt hash under a *Hash name is not a credential to CodeQL (notSensitive: hash).
var adminPasswordHash = []byte("$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW")

func login(w http.ResponseWriter, r *http.Request) {
	if bcrypt.CompareHashAndPassword(adminPasswordHash, []byte(r.PostFormValue("password"))) != nil {
		http.Error(w, "invalid credentials", http.StatusUnauthorized)
		return
	}
	w.Write([]byte("welcome"))
}

func main() {
	http.HandleFunc("/login", login)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
