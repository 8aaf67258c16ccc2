// hardgen-expect: go/study/path-traversal
package main

import (
	"io"
	"log"
	"net/http"
	"os"
	"strings"
)

func uploadPDF(w http.ResponseWriter, r *http.Request) {
	file, header, err := r.FormFile("pdf")
	if err != nil {
		http.Error(w, "missing file", http.StatusBadRequest)
		return
	}
	defer file.Close()
	if !strings.HasSuffix(strings.ToLower(header.Filename), ".pdf") {
		http.Error(w, "only PDF files", http.StatusBadRequest)
		return
	}
	data, err := io.ReadAll(file)
	if err != nil {
		http.Error(w, "read error", http.StatusInternalServerError)
		return
	}
	if err := os.WriteFile("./uploads/"+header.Filename, data, 0o644); err != nil {
		http.Error(w, "could not save file", http.StatusInternalServerError)
		return
	}
	w.Write([]byte("uploaded"))
}

func main() {
	http.HandleFunc("/upload", uploadPDF)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
