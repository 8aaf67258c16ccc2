package main

import (
	"fmt"
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
	if err := r.ParseMultipartForm(maxUploadSize); err != nil {
		http.Error(w, "upload too large", http.StatusRequestEntityTooLarge)
		return
	}
	src, _, err := r.FormFile("pdf")
	if err != nil {
		http.Error(w, "missing pdf field", http.StatusBadRequest)
		return
	}
	defer src.Close()
	sniff := make([]byte, 512)
	n, _ := src.Read(sniff)
	if http.DetectContentType(sniff[:n]) != "application/pdf" {
		http.Error(w, "only PDF uploads are allowed", http.StatusUnsupportedMediaType)
		return
	}
	// os.CreateTemp picks a fresh, unique name inside uploadDir.
	dst, err := os.CreateTemp(uploadDir, "upload-*.pdf")
	if err != nil {
		http.Error(w, "server error", http.StatusInternalServerError)
		return
	}
	defer dst.Close()
	if _, err := dst.Write(sniff[:n]); err == nil {
		_, err = io.Copy(dst, src)
	}
	if err != nil {
		os.Remove(dst.Name())
		http.Error(w, "server error", http.StatusInternalServerError)
		return
	}
	fmt.Fprintln(w, "saved", filepath.Base(dst.Name()))
}

func main() {
	if err := os.MkdirAll(uploadDir, 0o755); err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/pdf/upload", uploadPDF)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
