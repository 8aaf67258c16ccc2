// hardgen-expect: go/untrusted-data-to-external-api
// hardgen-near-miss: go/unvalidated-url-redirection
package main

import (
	"log"
	"net/http"
)

// The Referer header is not attacker-controllable through a link (CodeQL's UnexploitableSource),
// so this is no open redirect; the raw value still goes to an external API.
func setLanguage(w http.ResponseWriter, r *http.Request) {
	lang := r.URL.Query().Get("lang")
	http.SetCookie(w, &http.Cookie{Name: "lang", Value: lang, Path: "/", HttpOnly: true})
	back := r.Referer()
	if back == "" {
		back = "/"
	}
	http.Redirect(w, r, back, http.StatusFound)
}

func main() {
	http.HandleFunc("/lang", setLanguage)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
