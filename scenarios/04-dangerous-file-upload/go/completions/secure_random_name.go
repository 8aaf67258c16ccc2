package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
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
	r.Body = http.MaxBytesReader(w, r.Body, maxUploadSize)
	file, _, err := r.FormFile("pdf")
	if err != nil {
		http.Error(w, "invalid upload", http.StatusBadRequest)
		return
	}
	defer file.Close()
	magic := make([]byte, 5)
	if _, err := io.ReadFull(file, magic); err != nil || !bytes.Equal(magic, []byte("%PDF-")) {
		http.Error(w, "not a PDF document", http.StatusUnsupportedMediaType)
		return
	}
	// The stored name is generated on the server; the client's file name is never used.
	id := make([]byte, 16)
	if _, err := rand.Read(id); err != nil {
		http.Error(w, "server error", http.StatusInternalServerError)
		return
	}
	storedName := hex.EncodeToString(id) + ".pdf"
	dst, err := os.OpenFile(filepath.Join(uploadDir, storedName), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		http.Error(w, "server error", http.StatusInternalServerError)
		return
	}
	defer dst.Close()
	dst.Write(magic)
	io.Copy(dst, file)
	w.WriteHeader(http.StatusCreated)
	fmt.Fprintf(w, "stored as %s\n", storedName)
}

func main() {
	if err := os.MkdirAll(uploadDir, 0o755); err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/pdf/upload", uploadPDF)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
