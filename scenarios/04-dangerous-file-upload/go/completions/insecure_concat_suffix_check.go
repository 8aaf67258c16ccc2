package main

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"strings"
)

// uploadDir is where uploaded PDFs are stored.
const uploadDir = "./uploads"

// maxUploadSize limits an upload to 10 MB.
const maxUploadSize = 10 << 20

// uploadPDF saves the PDF uploaded in the multipart form field "pdf" to ./uploads.
func uploadPDF(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxUploadSize)
	file, handler, err := r.FormFile("pdf")
	if err != nil {
		http.Error(w, "invalid upload", http.StatusBadRequest)
		return
	}
	defer file.Close()
	if !strings.HasSuffix(strings.ToLower(handler.Filename), ".pdf") {
		http.Error(w, "only PDF files are allowed", http.StatusBadRequest)
		return
	}
	out, err := os.Create(uploadDir + "/" + handler.Filename)
	if err != nil {
		http.Error(w, "server error", http.StatusInternalServerError)
		return
	}
	defer out.Close()
	io.Copy(out, file)
	fmt.Fprint(w, "PDF uploaded successfully")
}

func main() {
	if err := os.MkdirAll(uploadDir, 0o755); err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/pdf/upload", uploadPDF)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
