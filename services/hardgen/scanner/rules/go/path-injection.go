package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

var validName = regexp.MustCompile(`^[a-zA-Z0-9_-]+\.(png|jpg)$`)

func readJoin(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	// ruleid: go-path-injection
	data, _ := os.ReadFile(filepath.Join("images", name))
	w.Write(data)
}

func serveConcat(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-path-injection
	http.ServeFile(w, r, "images/"+r.FormValue("file"))
}

func openCleaned(w http.ResponseWriter, r *http.Request) {
	p := filepath.Clean(filepath.Join("images", r.URL.Query().Get("file")))
	// ruleid: go-path-injection
	f, err := os.Open(p)
	if err != nil {
		return
	}
	io.Copy(w, f)
}

func pathValue(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-path-injection
	os.Remove("/tmp/cache/" + r.PathValue("id"))
}

func decoded(w http.ResponseWriter, r *http.Request) {
	var req struct{ Name string }
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	// ruleid: go-path-injection
	os.WriteFile(filepath.Join("notes", req.Name), []byte("x"), 0o644)
}

func base(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.URL.Query().Get("file"))
	// ruleid: go-path-injection
	data, _ := os.ReadFile(filepath.Join("images", name))
	w.Write(data)
}

func prefixGuard(w http.ResponseWriter, r *http.Request) {
	root, _ := filepath.Abs("images")
	full, _ := filepath.Abs(filepath.Join(root, r.URL.Query().Get("file")))
	if !strings.HasPrefix(full, root+string(os.PathSeparator)) {
		http.Error(w, "bad", 400)
		return
	}
	// ok: go-path-injection
	http.ServeFile(w, r, full)
}

func regexGuard(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	if !validName.MatchString(name) {
		return
	}
	// ok: go-path-injection
	f, _ := os.Open(filepath.Join("images", name))
	io.Copy(w, f)
}

func dotdot(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	if name == "" || strings.Contains(name, "..") {
		return
	}
	// ok: go-path-injection
	os.ReadFile("images/" + name)
}

func uploadName(w http.ResponseWriter, r *http.Request) {
	_, header, _ := r.FormFile("f")
	// ok: go-path-injection
	os.Create(filepath.Join("uploads", header.Filename))
}

func rootedClean(w http.ResponseWriter, r *http.Request) {
	name := filepath.Clean("/" + r.URL.Query().Get("file"))
	// ok: go-path-injection
	http.ServeFile(w, r, filepath.Join("images", name))
}

func prefixInside(w http.ResponseWriter, r *http.Request) {
	p := filepath.Join("/srv/images", r.URL.Query().Get("file"))
	if strings.HasPrefix(p, "/srv/images/") {
		// ok: go-path-injection
		http.ServeFile(w, r, p)
	}
}

func numericID(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.URL.Query().Get("id"))
	if err != nil {
		return
	}
	// ok: go-path-injection
	os.ReadFile(fmt.Sprintf("reports/%d.pdf", id))
}

func isLocalOnly(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	if !filepath.IsLocal(name) {
		return
	}
	// ruleid: go-path-injection
	os.ReadFile(filepath.Join("images", name))
}

func chmodTarget(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-path-injection
	os.Chmod("shared/"+r.FormValue("name"), 0o600)
}

func constant(w http.ResponseWriter, r *http.Request) {
	// ok: go-path-injection
	os.ReadFile("images/logo.png")
}
