package main

import (
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
)

// uploadDir is where uploaded PDFs are stored.
const uploadDir = "./uploads"

// maxUploadSize limits an upload to 10 MB.
const maxUploadSize = 10 << 20

// uploadPDF saves the PDF uploaded in the multipart form field "pdf" to ./uploads.
func uploadPDF(w http.ResponseWriter, r *http.Request) {
	file, _, err := r.FormFile("pdf")
	if err != nil {
		http.Error(w, "missing pdf", http.StatusBadRequest)
		return
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, maxUploadSize))
	if err != nil {
		http.Error(w, "read error", http.StatusBadRequest)
		return
	}
	// Let the user choose the name the document is saved under.
	name := r.FormValue("name")
	if name == "" {
		name = "document"
	}
	if err := os.WriteFile(filepath.Join(uploadDir, name+".pdf"), data, 0o644); err != nil {
		http.Error(w, "write error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

func main() {
	if err := os.MkdirAll(uploadDir, 0o755); err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/pdf/upload", uploadPDF)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
