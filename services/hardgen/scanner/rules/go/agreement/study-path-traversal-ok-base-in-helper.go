// hardgen-expect: none
// hardgen-near-miss: go/study/path-traversal
package main

import (
	"io"
	"log"
	"mime/multipart"
	"net/http"
	"os"
	"path"
)

func store(file multipart.File, header *multipart.FileHeader) error {
	name := path.Base(header.Filename)
	out, err := os.Create("storage/" + name)
	if err != nil {
		return err
	}
	defer out.Close()
	_, err = io.Copy(out, file)
	return err
}

func upload(w http.ResponseWriter, r *http.Request) {
	file, header, err := r.FormFile("attachment")
	if err != nil {
		http.Error(w, "missing file", http.StatusBadRequest)
		return
	}
	defer file.Close()
	if err := store(file, header); err != nil {
		http.Error(w, "could not store", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func main() {
	http.HandleFunc("/upload", upload)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
