// hardgen-expect: go/study/path-traversal
package main

import (
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
)

func stream(w http.ResponseWriter, r *http.Request) {
	reader, err := r.MultipartReader()
	if err != nil {
		http.Error(w, "expected multipart data", http.StatusBadRequest)
		return
	}
	for {
		part, err := reader.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			http.Error(w, "bad multipart data", http.StatusBadRequest)
			return
		}
		if part.FileName() == "" {
			continue
		}
		target := filepath.Join("incoming", part.FileName())
		out, err := os.Create(target)
		if err != nil {
			http.Error(w, "could not save", http.StatusInternalServerError)
			return
		}
		io.Copy(out, part)
		out.Close()
	}
	w.WriteHeader(http.StatusCreated)
}

func main() {
	http.HandleFunc("/stream", stream)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
