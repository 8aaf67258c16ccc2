package fixture

import (
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

func uploadJoin(w http.ResponseWriter, r *http.Request) {
	file, header, err := r.FormFile("document")
	if err != nil {
		http.Error(w, "bad upload", http.StatusBadRequest)
		return
	}
	defer file.Close()
	// ruleid: go/study/path-traversal
	dst := filepath.Join("./uploads", header.Filename)
	// ok: go/study/path-traversal
	out, _ := os.Create(dst)
	defer out.Close()
	io.Copy(out, file)
}

func uploadConcat(w http.ResponseWriter, r *http.Request) {
	r.ParseMultipartForm(10 << 20)
	fh := r.MultipartForm.File["avatar"][0]
	// ruleid: go/study/path-traversal
	os.WriteFile("uploads/"+fh.Filename, nil, 0o644)
}

func uploadPart(w http.ResponseWriter, r *http.Request) {
	reader, _ := r.MultipartReader()
	part, _ := reader.NextPart()
	// ruleid: go/study/path-traversal
	os.OpenFile(path.Join("up", part.FileName()), os.O_CREATE|os.O_WRONLY, 0o600)
}

func uploadNamedByParameter(w http.ResponseWriter, r *http.Request) {
	_, _, _ = r.FormFile("pdf")
	name := r.FormValue("name")
	// ruleid: go/study/path-traversal
	os.Create(filepath.Join("up", name+".pdf"))
}

func saveHelper(fh *multipart.FileHeader) error {
	// ruleid: go/study/path-traversal
	dst, err := os.Create("uploads/" + fh.Filename)
	if err == nil {
		dst.Close()
	}
	return err
}

func branchSanitised(w http.ResponseWriter, r *http.Request) {
	_, fh, _ := r.FormFile("pdf")
	name := fh.Filename
	if strings.Contains(name, "/") {
		name = filepath.Base(name)
	}
	// ruleid: go/study/path-traversal
	os.Create("up/" + name)
}

func uploadBase(w http.ResponseWriter, r *http.Request) {
	_, fh, _ := r.FormFile("pdf")
	name := filepath.Base(fh.Filename)
	// ok: go/study/path-traversal
	os.Create(filepath.Join("up", name))
	// ok: go/study/path-traversal
	os.Create(filepath.Join("up", "id"+filepath.Ext(fh.Filename)))
	n := fh.Filename
	n = path.Base(n)
	// ok: go/study/path-traversal
	os.Create("up/" + n)
}

func noUpload(w http.ResponseWriter, r *http.Request) {
	// ok: go/study/path-traversal
	os.Create(filepath.Join("notes", r.URL.Query().Get("name")))
}
