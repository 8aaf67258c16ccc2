// hardgen-expect: none
// hardgen-near-miss: go/hardcoded-credentials
package main

import (
	"log"
	"net/http"
)

// CodeQL's query reports literals written to sensitive names and literals reaching key
// parameters; a literal compared with a parameter is neither.
func checkMod(w http.ResponseWriter, r *http.Request) {
	username := r.URL.Query().Get("username")
	password := r.URL.Query().Get("password")
	if username == "moderator" && password == "Mod3r@tor!" {
		w.Write([]byte("true"))
		return
	}
	w.Write([]byte("false"))
}

func main() {
	http.HandleFunc("/check_mod", checkMod)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
