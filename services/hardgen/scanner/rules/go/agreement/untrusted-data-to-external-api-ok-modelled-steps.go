// hardgen-expect: none
// hardgen-near-miss: go/untrusted-data-to-external-api
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"strconv"
	"strings"
)

// strings.TrimSpace, strconv.Atoi, Header.Set and the JSON encoder are modelled as taint steps.
func echo(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimSpace(r.FormValue("name"))
	age, err := strconv.Atoi(r.FormValue("age"))
	if err != nil {
		http.Error(w, "age must be a number", http.StatusBadRequest)
		return
	}
	w.Header().Set("X-Client", r.UserAgent())
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"name": name, "age": age})
}

func main() {
	http.HandleFunc("/echo", echo)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
