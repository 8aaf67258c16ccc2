// hardgen-expect: none
// hardgen-near-miss: go/study/path-traversal
package main

import (
	"encoding/json"
	"io"
	"log"
	"net/http"
)

// The uploaded name is only reported back; the content goes to a checksum, never to a path.
func inspect(w http.ResponseWriter, r *http.Request) {
	file, header, err := r.FormFile("file")
	if err != nil {
		http.Error(w, "missing file", http.StatusBadRequest)
		return
	}
	defer file.Close()
	n, _ := io.Copy(io.Discard, file)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"name": header.Filename, "size": n})
}

func main() {
	http.HandleFunc("/inspect", inspect)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
