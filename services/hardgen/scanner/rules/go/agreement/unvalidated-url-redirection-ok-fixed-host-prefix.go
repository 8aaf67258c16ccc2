// hardgen-expect: none
// hardgen-near-miss: go/unvalidated-url-redirection
package main

import (
	"log"
	"net/http"
)

// The constant prefix fixes scheme and host; the parameter can only change the path.
func docs(w http.ResponseWriter, r *http.Request) {
	page := r.URL.Query().Get("page")
	http.Redirect(w, r, "https://docs.example.com/"+page, http.StatusMovedPermanently)
}

func main() {
	http.HandleFunc("/docs", docs)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
