// hardgen-expect: go/unvalidated-url-redirection, go/untrusted-data-to-external-api
package main

import (
	"log"
	"net/http"
)

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
