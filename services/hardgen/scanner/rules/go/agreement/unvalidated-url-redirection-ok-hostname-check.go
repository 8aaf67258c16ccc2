// hardgen-expect: none
// hardgen-near-miss: go/unvalidated-url-redirection
package main

import (
	"log"
	"net/http"
	"net/url"
)

func goTo(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.URL.Query().Get("url"))
	if err != nil || u.Hostname() != "docs.example.com" {
		http.Error(w, "redirect target not allowed", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, u.String(), http.StatusFound)
}

func main() {
	http.HandleFunc("/go", goTo)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
