// hardgen-expect: go/hardcoded-credentials
package main

import (
	"crypto/subtle"
	"log"
	"net/http"
)

const (
	adminUser     = "operator"
	adminPassword = "Xk9#vL2q!m"
)

func adminOnly(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		user, pass, ok := r.BasicAuth()
		if !ok || subtle.ConstantTimeCompare([]byte(user), []byte(adminUser)) != 1 ||
			subtle.ConstantTimeCompare([]byte(pass), []byte(adminPassword)) != 1 {
			w.Header().Set("WWW-Authenticate", `Basic realm="admin"`)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}

func dashboard(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("welcome"))
}

func main() {
	http.HandleFunc("/admin", adminOnly(dashboard))
	log.Fatal(http.ListenAndServe(":8080", nil))
}
