// hardgen-expect: go/untrusted-data-to-external-api
package main

import (
	"encoding/json"
	"log"
	"net"
	"net/http"
)

func resolve(w http.ResponseWriter, r *http.Request) {
	host := r.FormValue("host")
	addrs, err := net.LookupHost(host)
	if err != nil {
		http.Error(w, "lookup failed", http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(addrs)
}

func main() {
	http.HandleFunc("/resolve", resolve)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
