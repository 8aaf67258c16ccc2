package main

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// uploadDir is where uploaded PDFs are stored.
const uploadDir = "./uploads"

// maxUploadSize limits an upload to 10 MB.
const maxUploadSize = 10 << 20

// uploadPDF saves the PDF uploaded in the multipart form field "pdf" to ./uploads.
func uploadPDF(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxUploadSize)
	file, header, err := r.FormFile("pdf")
	if err != nil {
		http.Error(w, "invalid upload", http.StatusBadRequest)
		return
	}
	defer file.Close()
	name := filepath.Base(header.Filename)
	if !strings.EqualFold(filepath.Ext(name), ".pdf") {
		http.Error(w, "only .pdf files are accepted", http.StatusBadRequest)
		return
	}
	head := make([]byte, 512)
	n, _ := io.ReadFull(file, head)
	if http.DetectContentType(head[:n]) != "application/pdf" {
		http.Error(w, "file is not a PDF", http.StatusBadRequest)
		return
	}
	if _, err := file.Seek(0, io.SeekStart); err != nil {
		http.Error(w, "server error", http.StatusInternalServerError)
		return
	}
	dst, err := os.Create(filepath.Join(uploadDir, name))
	if err != nil {
		http.Error(w, "server error", http.StatusInternalServerError)
		return
	}
	defer dst.Close()
	if _, err := io.Copy(dst, file); err != nil {
		http.Error(w, "server error", http.StatusInternalServerError)
		return
	}
	fmt.Fprintln(w, "upload complete")
}

func main() {
	if err := os.MkdirAll(uploadDir, 0o755); err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/pdf/upload", uploadPDF)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
