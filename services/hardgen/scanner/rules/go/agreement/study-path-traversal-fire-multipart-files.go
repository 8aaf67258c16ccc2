// hardgen-expect: go/study/path-traversal
package main

import (
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
)

func uploadMany(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseMultipartForm(32 << 20); err != nil {
		http.Error(w, "invalid form", http.StatusBadRequest)
		return
	}
	for _, fh := range r.MultipartForm.File["files"] {
		src, err := fh.Open()
		if err != nil {
			continue
		}
		dst, err := os.OpenFile(filepath.Join("gallery", fh.Filename), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err == nil {
			io.Copy(dst, src)
			dst.Close()
		}
		src.Close()
	}
	w.WriteHeader(http.StatusCreated)
}

func main() {
	http.HandleFunc("/gallery", uploadMany)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
