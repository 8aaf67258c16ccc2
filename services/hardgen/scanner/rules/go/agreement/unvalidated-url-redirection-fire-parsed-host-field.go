// hardgen-expect: go/unvalidated-url-redirection
package main

import (
	"log"
	"net/http"
	"net/url"
)

// Checking u.Host does not sanitise the original string that is redirected to.
func goTo(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	u, err := url.Parse(target)
	if err != nil || u.Host != "" {
		http.Error(w, "only local redirects", http.StatusBadRequest)
		return
	}
	http.Redirect(w, r, target, http.StatusFound)
}

func main() {
	http.HandleFunc("/go", goTo)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
