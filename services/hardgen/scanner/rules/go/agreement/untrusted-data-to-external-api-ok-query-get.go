// hardgen-expect: none
// hardgen-near-miss: go/untrusted-data-to-external-api
package main

import (
	"log"
	"net"
	"net/http"
)

// r.URL.Query().Get(...) reaches LookupHost only through taint steps (Query, Get); CodeQL's
// external-API flow is value flow, so nothing is reported.
func resolve(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("host")
	if _, err := net.LookupHost(host); err != nil {
		http.Error(w, "unknown host", http.StatusNotFound)
		return
	}
	w.Write([]byte("ok"))
}

func main() {
	http.HandleFunc("/resolve", resolve)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
