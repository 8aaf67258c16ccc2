// hardgen-expect: none
// hardgen-near-miss: go/study/unsafe-deserialization
package main

import (
	"encoding/gob"
	"encoding/json"
	"log"
	"net/http"
	"os"
)

type stats struct {
	Visits map[string]int
}

// The gob file is the server's own state, not request data.
func report(w http.ResponseWriter, r *http.Request) {
	f, err := os.Open("state/stats.gob")
	if err != nil {
		http.Error(w, "no statistics yet", http.StatusNotFound)
		return
	}
	defer f.Close()
	var s stats
	if err := gob.NewDecoder(f).Decode(&s); err != nil {
		http.Error(w, "corrupt statistics", http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(s.Visits)
}

func main() {
	http.HandleFunc("/report", report)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
