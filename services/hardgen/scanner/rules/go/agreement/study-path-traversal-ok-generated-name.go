// hardgen-expect: none
// hardgen-near-miss: go/study/path-traversal
package main

import (
	"crypto/rand"
	"encoding/hex"
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

func upload(w http.ResponseWriter, r *http.Request) {
	file, header, err := r.FormFile("image")
	if err != nil {
		http.Error(w, "missing file", http.StatusBadRequest)
		return
	}
	defer file.Close()
	ext := strings.ToLower(filepath.Ext(header.Filename))
	if ext != ".png" && ext != ".jpg" {
		http.Error(w, "unsupported type", http.StatusBadRequest)
		return
	}
	random := make([]byte, 16)
	rand.Read(random)
	dst, err := os.Create(filepath.Join("images", hex.EncodeToString(random)+ext))
	if err != nil {
		http.Error(w, "could not save", http.StatusInternalServerError)
		return
	}
	defer dst.Close()
	io.Copy(dst, file)
	w.WriteHeader(http.StatusCreated)
}

func main() {
	http.HandleFunc("/upload", upload)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
