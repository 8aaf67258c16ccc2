// hardgen-expect: go/path-injection
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"
)

type deleteRequest struct {
	Filename string `json:"filename"`
}

func deleteUpload(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	var req deleteRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "invalid JSON", http.StatusBadRequest)
		return
	}
	if err := os.Remove("uploads/" + req.Filename); err != nil {
		http.Error(w, "could not delete file", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func main() {
	http.HandleFunc("/delete", deleteUpload)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
