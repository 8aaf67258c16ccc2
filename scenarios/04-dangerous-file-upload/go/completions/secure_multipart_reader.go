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
	reader, err := r.MultipartReader()
	if err != nil {
		http.Error(w, "expected multipart/form-data", http.StatusBadRequest)
		return
	}
	for {
		part, err := reader.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			http.Error(w, "bad multipart body", http.StatusBadRequest)
			return
		}
		if part.FormName() != "pdf" {
			continue
		}
		name := filepath.Base(part.FileName())
		if filepath.Ext(name) != ".pdf" || name == "." {
			http.Error(w, "only .pdf files are accepted", http.StatusBadRequest)
			return
		}
		dst, err := os.OpenFile(filepath.Join(uploadDir, name), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
		if err != nil {
			http.Error(w, "file exists or cannot be created", http.StatusConflict)
			return
		}
		_, copyErr := io.Copy(dst, io.LimitReader(part, maxUploadSize))
		dst.Close()
		if copyErr != nil {
			http.Error(w, "server error", http.StatusInternalServerError)
			return
		}
		fmt.Fprintln(w, "upload complete")
		return
	}
	http.Error(w, "missing pdf part", http.StatusBadRequest)
}

func main() {
	if err := os.MkdirAll(uploadDir, 0o755); err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/pdf/upload", uploadPDF)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
