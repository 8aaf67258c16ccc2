package fixture

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"io"
	"net/http"

	"golang.org/x/crypto/bcrypt"
	"golang.org/x/crypto/pbkdf2"
)

type credentials struct {
	Username string
	Password string
}

func register(w http.ResponseWriter, r *http.Request) {
	password := r.FormValue("password")
	// ruleid: go/study/weak-hash
	sum := md5.Sum([]byte(password))
	_ = sum
	pw := r.PostFormValue("password")
	salt := []byte("s")
	// ruleid: go/study/weak-hash
	d := sha256.Sum256(append(salt, []byte(pw)...))
	_ = d
	h := sha1.New()
	// ruleid: go/study/weak-hash
	h.Write([]byte(r.FormValue("pwd")))
	_ = h.Sum(nil)
	var req credentials
	hasher := sha512.New()
	// ruleid: go/study/weak-hash
	io.WriteString(hasher, req.Password)
	q := r.URL.Query()
	p := q.Get("password")
	// ruleid: go/study/weak-hash
	s1 := sha1.Sum([]byte(p))
	_ = s1
}

func safe(w http.ResponseWriter, r *http.Request) {
	hash, _ := bcrypt.GenerateFromPassword([]byte(r.FormValue("password")), 12)
	_ = hash
	// ok: go/study/weak-hash
	sum := sha256.Sum256([]byte(r.FormValue("email")))
	_ = sum
	key := pbkdf2.Key([]byte(r.FormValue("password")), []byte("salt"), 600000, 32, sha256.New)
	_ = key
	passwordHash := []byte(r.FormValue("stored"))
	// ok: go/study/weak-hash
	digest := sha256.Sum256(passwordHash)
	_ = digest
}
