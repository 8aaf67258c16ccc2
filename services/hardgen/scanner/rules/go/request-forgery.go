package main

import (
	"fmt"
	"net/http"
	"net/url"
	"time"
)

func get(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-request-forgery
	resp, err := http.Get(r.URL.Query().Get("url"))
	if err == nil {
		resp.Body.Close()
	}
}

func client(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Timeout: 3 * time.Second}
	target := r.URL.Query().Get("url")
	// ruleid: go-request-forgery
	c.Head(target)
}

func newRequest(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-request-forgery
	req, _ := http.NewRequest("GET", "http://"+r.FormValue("host")+"/health", nil)
	http.DefaultClient.Do(req)
}

func fixedHost(w http.ResponseWriter, r *http.Request) {
	// ok: go-request-forgery
	http.Get("https://api.example.com/users/" + url.PathEscape(r.FormValue("id")))
}

func sprintfHost(w http.ResponseWriter, r *http.Request) {
	// ok: go-request-forgery
	http.Get(fmt.Sprintf("https://status.example.com/check/%s", r.FormValue("id")))
}

var allowedHosts = map[string]bool{"example.com": true}

func allowList(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.URL.Query().Get("url"))
	if err != nil || !allowedHosts[u.Host] {
		return
	}
	// ok: go-request-forgery
	http.Get(u.String())
}
