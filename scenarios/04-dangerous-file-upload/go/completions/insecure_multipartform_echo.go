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
		http.Error(w, "upload too large", http.StatusBadRequest)
		return
	}
	files := r.MultipartForm.File["pdf"]
	if len(files) == 0 {
		http.Error(w, "missing pdf", http.StatusBadRequest)
		return
	}
	fh := files[0]
	src, err := fh.Open()
	if err != nil {
		http.Error(w, "cannot read upload", http.StatusBadRequest)
		return
	}
	defer src.Close()
	dst, err := os.OpenFile(filepath.Join(uploadDir, fh.Filename), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		http.Error(w, "cannot store upload", http.StatusInternalServerError)
		return
	}
	defer dst.Close()
	io.Copy(dst, src)
	fmt.Fprintf(w, "<p>Uploaded <b>%s</b> (%d bytes)</p>", fh.Filename, fh.Size)
}

func main() {
	if err := os.MkdirAll(uploadDir, 0o755); err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/pdf/upload", uploadPDF)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
