// hardgen-expect: go/path-injection
package main

import (
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
)

func readNote(w http.ResponseWriter, r *http.Request) {
	// Clean does not remove leading "../" from a relative path.
	p := filepath.Clean(filepath.Join("notes", r.URL.Query().Get("id")+".txt"))
	f, err := os.Open(p)
	if err != nil {
		http.Error(w, "note not found", http.StatusNotFound)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", "text/plain")
	io.Copy(w, f)
}

func main() {
	http.HandleFunc("/note", readNote)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
